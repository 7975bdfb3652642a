-- Each fan's own watch progress, per show: the last episode they have seen, so /recap asks
-- before showing plot past it. Kept until the fan runs /progress clear (retention leaves it).
CREATE TABLE watch_progress (
    user_id     INTEGER NOT NULL,
    show_slug   TEXT    NOT NULL,
    season      INTEGER NOT NULL CHECK (season >= 1),
    episode     INTEGER NOT NULL CHECK (episode >= 1),
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (user_id, show_slug)
) WITHOUT ROWID;
