// Package names puts persons' names into forms that reception staff can
// search and compare whatever script or spelling was used to record them.
//
// A name reaches the office through many hands: a passport in Latin letters
// transliterated by a foreign authority, a form filled in Arabic or Tigrinya
// script, a German, French or English ear at a counter. The same person is
// then "Mohammed", "Muhammad" and "محمد", or "Oleksandr", "Aleksandr" and
// "Олександр". The package offers four layers, each tolerating more:
//
//   - [Fold]: a canonical comparison form in the original script (case,
//     accents and letter variants removed, letters that carry meaning kept);
//   - [Latin]: a plain lowercase Latin approximation of Arabic, Persian,
//     Pashto, Cyrillic, Greek, Georgian, Armenian, Ethiopic and Tamil;
//   - [Skeleton]: a phonetic key of one Latin word that transliteration
//     variants share;
//   - [IndexKeys] and [QueryKeys]: the keys a search index stores for a
//     person and the prefixes a typed word looks up.
//
// [Similarity] scores two full names for duplicate detection, and [Script]
// reports the dominant script of a string.
//
// Every function is pure and safe for concurrent use. Input of any size and
// any bytes is accepted: invalid UTF-8 is replaced, and the work is linear in
// the length of the input.
package names
