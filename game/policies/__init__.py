"""Scripted players: they give orders through the simulation's public command API."""
