"""The claim store: published articles extracted once into an embedded SQLite database, so a
desk can look up what it already published and the gate need not re-read the corpus."""

from factrecon.reports.store.database import StoreError, open_store, transaction
from factrecon.reports.store.indexer import IndexReport, index_articles
from factrecon.reports.store.queries import StoreSummary, find_claims, summary

__all__ = ["IndexReport", "StoreError", "StoreSummary", "find_claims", "index_articles", "open_store", "summary",
           "transaction"]
