"""The CLOTH Platform's common library: the only code imported by more than one service."""
