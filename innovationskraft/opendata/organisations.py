"""The organisations a file names, found by slug, name or another name (plain: in any case,
without accents or punctuation), so that an import never creates one organisation twice; and
the ones a file makes new."""

from dataclasses import dataclass, field

from innovationskraft.cases.models import Organisation
from innovationskraft.cases.names import other_names
from innovationskraft.opendata.codes import plain


@dataclass(eq=False)
class NewOrganisation:
    """An organisation the record names that does not exist yet; created by the import. Every
    row that names it holds this one object."""

    slug: str
    name: str
    kind: str
    official_code: str = ""
    aliases: list[str] = field(default_factory=list)
    # The row that named it first (0 outside a file).
    row: int = 0
    # The model's default unless a harvest knows better ("" when the catalogue does not say).
    country: str = field(default_factory=lambda: Organisation._meta.get_field("country").default)


Found = Organisation | NewOrganisation


def names_of(organisation: Found) -> set[str]:
    """Every name it goes by, plain."""
    names = [organisation.slug, organisation.name, *other_names(organisation.aliases)]
    return {key for key in map(plain, names) if key}


class Organisations:
    """The library's organisations by slug and by name, and those the file makes new. Fetched
    on first use unless `preload` asks for all of them at once."""

    def __init__(self, *, preload: bool = False):
        self.complete = preload
        self.by_slug: dict[str, Organisation | None] = {}
        self.new: dict[str, NewOrganisation] = {}
        self._by_name: dict[str, list[Found]] | None = None
        if preload:
            self._index_names(list(Organisation.objects.order_by("pk")))

    def _index_names(self, organisations: list[Organisation]) -> None:
        self.by_slug |= {o.slug: o for o in organisations}
        self._by_name = {}
        everything: list[Found] = [*organisations, *self.new.values()]
        for organisation in everything:
            self._add_names(organisation)

    def _add_names(self, organisation: Found) -> None:
        assert self._by_name is not None
        for key in names_of(organisation):
            found = self._by_name.setdefault(key, [])
            if organisation not in found:
                found.append(organisation)

    def with_slug(self, slug: str) -> Found | None:
        if slug not in self.by_slug and not self.complete:
            self.by_slug[slug] = Organisation.objects.filter(slug=slug).first()
        return self.by_slug.get(slug) or self.new.get(slug)

    def named(self, name: str, kind: str | None = None) -> Found | None:
        """The one that goes by this name; of several, the first of the type `kind`."""
        if self._by_name is None:
            self._index_names(list(Organisation.objects.order_by("pk")))
        assert self._by_name is not None
        found = self._by_name.get(plain(name), [])
        return next((o for o in found if o.kind == kind), found[0] if found else None)

    def add(self, new: NewOrganisation) -> None:
        """One the file makes: later rows find it by its slug, its name and its other names."""
        self.new[new.slug] = new
        if self._by_name is not None:
            self._add_names(new)
