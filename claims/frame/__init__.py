"""The frame of a figure: what it is about (entity, measure, period, scope, basis, status) and
who said it (origin). One reader per part; ``assemble`` puts them together."""
