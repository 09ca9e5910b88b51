"""The self-assessment of an organisation's innovation capacity (docs/insights.md)."""
