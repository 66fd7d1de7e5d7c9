"""Curated data files the content stage reads as package resources (the emergency-number table)."""
