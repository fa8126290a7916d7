"""`graph-service bench` (issue 9): a generated county, the service's figures, and a naive baseline."""
