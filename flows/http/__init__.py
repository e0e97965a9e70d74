"""The polite HTTP client: address guard, robots.txt, pacing, retries, caps and conditional GET."""
