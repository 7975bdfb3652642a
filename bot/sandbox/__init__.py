"""A Discord-compatible REST + gateway server on loopback, and a driver for it.

The real, unchanged discord.py talks to it; see `driver.Sandbox` and `driver.running_bot`.
"""
