"""Reconcile: align claims about one quantity across sources and judge them (see issue [3/5])."""
