"""Knowledge service: the resource library and the training programme."""
