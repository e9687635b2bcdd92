"""extract: Document in, Findings out; pure, no database."""
