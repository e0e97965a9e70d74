"""Understanding stored articles: relevance, entities, figures, agreements, duplicates, events.

Pure like parsers/: text and records in, records out.
"""
