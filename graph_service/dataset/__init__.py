"""The dataset file format of the contract: validation, import and generation."""
