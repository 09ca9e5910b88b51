from django import forms, template

register = template.Library()


@register.filter
def error_anchor(bound_field) -> str:
    """Where an error summary link should move focus: the field, or a group's first choice."""
    widget = bound_field.field.widget
    if hasattr(bound_field.field, "groups"):
        return bound_field.auto_id  # grouped checkboxes: their fieldset takes focus
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id
