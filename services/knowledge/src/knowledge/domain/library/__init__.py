"""The resource library: resources, their revisions and the moderation workflow. Pure Python."""
