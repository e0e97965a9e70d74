"""Understanding stored articles: relevance, entities, figures, agreements, duplicates, events. Pure: text and records in, records out."""
