"""Claims: find every numeric claim in an article, with offsets into the original text.

>>> from factrecon.claims import extract
>>> [(c.text, c.value, c.unit, c.qualifier) for c in extract("H200显存带宽约4.8TB/s")]
[('4.8TB/s', 4800000000000.0, 'byte/second', 'approx')]
"""

from .article import read_article
from .extract import extract
from .frame.linking import link_entities, read_glosses
from .frame.sparsity import label_sparsity
from .lang import detect_lang
from .lexicon import load_lexicon
from .model import CLAIM_FIELDS, QUALIFIERS, Claim, Qualifier
from .time.article_date import article_date, story_date
from .time.timeline import Timeline, read_timeline
from .vocab import VocabError

__all__ = [
    "CLAIM_FIELDS", "QUALIFIERS", "Claim", "Qualifier", "Timeline", "VocabError", "article_date", "detect_lang",
    "extract", "label_sparsity", "link_entities", "load_lexicon", "read_article", "read_glosses", "read_timeline",
    "story_date",
]
