"""Exchange service: the Fashion ClusterXchange programme."""
