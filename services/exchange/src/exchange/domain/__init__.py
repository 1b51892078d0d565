"""ClusterXchange rules (eligibility, quotas, lump sums): pure Python, no I/O."""
