"""Text normalisation and the domain vocabulary the parser keys on."""
