"""The hierarchy's child lists (county → towns → villages → households → loans): orderings,
filter arguments and the batched, keyset-paged resolvers behind the connection fields."""
