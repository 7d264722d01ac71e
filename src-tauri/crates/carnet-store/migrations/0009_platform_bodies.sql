-- What the owner records of a platform for the route guide: the certified out-of-court bodies
-- its notices name (DSA 21), added to those of Carnet's data, and whether it is known to be a
-- micro or small enterprise (P2B 11(5), DSA 19), when its complaint system may not exist.

ALTER TABLE platform ADD COLUMN ooc_bodies TEXT NOT NULL DEFAULT '[]';
ALTER TABLE platform ADD COLUMN small_enterprise INTEGER NOT NULL DEFAULT 0;
