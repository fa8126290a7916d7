"""The only code that talks to Neo4j."""
