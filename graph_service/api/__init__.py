"""The GraphQL API: strawberry types, resolvers, data loaders, permissions and extensions."""
