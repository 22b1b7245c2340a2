"""The classroom: students hand in results, the teacher checks them and reads a class report.

On the student's computer: the name and class code (:mod:`.student`), every
finished level's run record kept in the data folder (:mod:`.results`), the
check-in quiz before the first level and after the campaign
(:mod:`.checkin`), and one hand-in file with all of it (:mod:`.handin`).

On the teacher's computer: the class database (:mod:`.database`, SQLite),
filled by an import that verifies every run by re-simulation
(:mod:`.importer`), and the class report (:mod:`.report`, one HTML file with
inline SVG charts from :mod:`.charts`; mistakes found in score cards by
:mod:`.mistakes`).

No pygame here: the window's screens only call these modules. The formats
are documented in docs/classroom.md.
"""
