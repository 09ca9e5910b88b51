from innovationskraft.search.query import MAX_TERMS, QueryTerm, parse


def test_each_word_becomes_a_term_that_must_match():
    query = parse("återbruk möbler ")
    assert query.terms == (QueryTerm(("återbruk",)), QueryTerm(("möbler",)))
    assert not query.is_empty


def test_a_quoted_phrase_is_one_term_with_its_words_in_order():
    query = parse('"avancerad sjukvård" hemma ')
    assert query.terms[0] == QueryTerm(("avancerad", "sjukvård"))
    assert query.terms[0].is_phrase


def test_a_minus_sign_excludes_a_word_or_a_phrase():
    query = parse('återbruk -textil -"second hand" ')
    assert [t.words for t in query.positive] == [("återbruk",)]
    assert [t.words for t in query.negative] == [("textil",), ("second", "hand")]


def test_the_last_word_is_a_prefix_only_while_it_is_being_typed():
    assert parse("hemsjukv").terms[-1].prefix
    assert not parse("hemsjukv ").terms[-1].prefix
    assert not parse('"hem vård"').terms[-1].prefix
    assert not parse("vård -hem").terms[-1].prefix


def test_function_words_are_dropped_and_a_query_of_only_them_is_flagged():
    assert parse("barn och unga ").all_words() == ["barn", "unga"]
    only = parse("och the ")
    assert only.is_empty
    assert only.only_stop_words
    assert not parse("").only_stop_words


def test_an_unclosed_quote_still_gives_a_phrase_and_odd_characters_are_harmless():
    assert parse('"digital tjänst').terms[0].words == ("digital", "tjänst")
    assert parse('*(){}:^" NEAR AND OR').all_words() == ["near"]


def test_a_long_query_keeps_its_first_words_only():
    query = parse(" ".join(f"ord{i}" for i in range(20)))
    assert len(query.terms) == MAX_TERMS


def test_a_corrected_query_keeps_its_structure():
    query = parse('upphandlnig -"gamla system" ')
    corrected = query.with_words({"upphandlnig": "upphandling"})
    assert corrected.all_words() == ["upphandling"]
    assert corrected.negative == query.negative
