"""The seeded generator of the Linxia demo folder and of benchmark folders.

``examples/generate.py`` is its command line. The modules, in the order they build:

- :mod:`~examples.linxia.setting`: dates, schools, headers, written forms;
- :mod:`~examples.linxia.records`: one object per row, with its planted problems;
- :mod:`~examples.linxia.township`: children and records of the township, the ordinary
  variety of a registry, and the problems of the INPUT, ID, AGE and REG rules;
- :mod:`~examples.linxia.movements`: transfers, suspensions, the roll and the teaching
  points, lawful and planted (TR, SUS and REC rules);
- :mod:`~examples.linxia.writing`: the rows laid out on their lines, the files and the
  manifest;
- :mod:`~examples.linxia.scale`: clean benchmark folders of any size.
"""
