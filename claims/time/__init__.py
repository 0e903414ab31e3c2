"""Time beyond a single figure: the article's own date, its dated events and the timeline
of days between them."""
