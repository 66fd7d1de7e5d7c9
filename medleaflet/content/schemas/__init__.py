"""The JSON schemas of leaflets, page templates and clinic profiles, read as package resources."""
