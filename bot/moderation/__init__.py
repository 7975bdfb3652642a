"""Moderator tools, as pure helpers the /setup, /feeds and /news cogs call.

Nothing here talks to Discord or the store: each function takes plain values
(permissions, settings rows, feed rows, classifier signals) and returns text,
verdicts or embeds, so every refusal message can be unit-tested.
"""
