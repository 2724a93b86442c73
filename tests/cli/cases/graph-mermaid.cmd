graph --format mermaid --lang en data/valid/full-featured.json
