"""ClerkDesk: live committee minutes for UK local government clerks."""

__version__ = "0.1.0"
APP_NAME = "ClerkDesk"
