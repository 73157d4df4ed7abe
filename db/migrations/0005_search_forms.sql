-- Search learns the forms a clerk types: "dangelo" for D'Angelo, "deluca" for De Luca,
-- "kierkegaard" for Kierkegård. The index is built by the application (names are folded in
-- Python), so this step only records which index version the file holds; on open, a file
-- whose version is below the application's is reindexed once (core/store.py).
CREATE TABLE IF NOT EXISTS search_index (version INTEGER NOT NULL);
INSERT INTO search_index (version) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_index);
