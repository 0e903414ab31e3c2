-- factrecon claim store, version 1: articles and their claims, with the frame indexed.
-- Column names follow the output contract (README "Output fields"); `record` keeps the claim's
-- whole JSON record, so a claim read back is the claim extracted.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,          -- the source name claims carry (the path as given)
    content_hash TEXT NOT NULL,         -- what extraction read: text, date, vocabulary, extractor
    date TEXT,                          -- YYYY-MM-DD, the article's own date when known
    title TEXT,
    language TEXT,                      -- zh-Hans, zh-Hant or en (from its claims)
    claims INTEGER NOT NULL DEFAULT 0,  -- how many claims it holds
    timeline TEXT NOT NULL,             -- its dated events, JSON
    glosses TEXT NOT NULL,              -- its own glosses of names (米勒（Anna Miller）), JSON
    indexed_at TEXT NOT NULL
);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,                -- <source>:<start>
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    quote TEXT NOT NULL,
    value REAL,
    lower REAL,
    upper REAL,
    unit TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    entity TEXT,
    attribute TEXT,
    relative_to TEXT,
    time TEXT,
    scope TEXT,
    basis TEXT,
    status TEXT,
    origin TEXT,
    lang TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    record TEXT NOT NULL
);

CREATE INDEX claims_by_entity ON claims (entity, attribute);
CREATE INDEX claims_by_attribute ON claims (attribute);
CREATE INDEX claims_by_time ON claims (time);
CREATE INDEX claims_by_article ON claims (article_id);
