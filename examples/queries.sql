-- Three questions `pipeline sql` answers (the README's SQL section shows the same queries).
-- Each query ends with a semicolon; a comment line above it says what it asks.

-- Facts by subject over time: how many facts each subject has per year, and what they measure.
SELECT subject, year(start_date) AS year, count(*) AS facts,
       string_agg(DISTINCT property_key, ', ' ORDER BY property_key) AS properties
FROM facts
WHERE subject IS NOT NULL AND start_date IS NOT NULL
GROUP BY subject, year
ORDER BY subject, year;

-- Amounts by unit: how many amounts of each unit, their range and their sum.
SELECT unit, kind, count(*) AS amounts, min(value) AS smallest, max(value) AS largest, sum(value) AS total
FROM quantities
GROUP BY unit, kind
ORDER BY amounts DESC, unit;

-- Documents with errors: every errors row with the document's title, when the document was read.
SELECT e.path, e.doc_id, d.title, e.stage, e.error_type, e.message
FROM errors AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id
ORDER BY e.path, e.error_type;
