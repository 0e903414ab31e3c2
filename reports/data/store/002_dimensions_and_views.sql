-- version 2: the unit's dimension (what can be compared at all: money, count, percent...) as a
-- column with its index, and views that read well in Datasette or any SQLite client.

ALTER TABLE claims ADD COLUMN dimension TEXT;

CREATE INDEX claims_by_dimension ON claims (dimension, entity);

CREATE VIEW claims_with_articles AS
SELECT claims.id, claims.entity, claims.attribute, claims.time, claims.scope, claims.basis, claims.status,
       claims.text, claims.value, claims.lower, claims.upper, claims.unit, claims.dimension,
       claims.qualifier, claims.origin, claims.quote, articles.path AS article, articles.date AS article_date,
       articles.title AS article_title, articles.language
FROM claims JOIN articles ON articles.id = claims.article_id;

CREATE VIEW entities AS
SELECT entity, attribute, COUNT(*) AS claims, COUNT(DISTINCT article_id) AS articles
FROM claims WHERE entity IS NOT NULL GROUP BY entity, attribute;
