"""The site's date formats, one module per language (settings.FORMAT_MODULE_PATH)."""
