package store

import (
	"slices"
	"strconv"
	"strings"

	"accueil/intake"
	"accueil/intake/names"
)

// personKeys returns the name search keys and the duplicate keys of a
// file. Deleted files have none; merged files keep their search keys (a
// search for them shows the file they went into) but no duplicate keys.
func personKeys(p intake.Person) (search, skeleton []string) {
	if p.Deleted {
		return nil, nil
	}
	all := []string{p.Surname, p.GivenNames, p.SurnameOriginal, p.GivenNamesOriginal}
	for _, n := range all {
		if n != "" {
			search = append(search, names.IndexKeys(n)...)
		}
	}
	search = dedupe(search)
	if !live(p) || p.BirthDate.IsZero() {
		return search, nil
	}
	return search, skeletonKeys(all, p.BirthDate.Year)
}

// skeletonKeys pairs the bare phonetic skeleton of every name word with
// a year of birth. The duplicate rule needs a close date of birth, so a
// key with the year keeps a common name ("Mohammed") from making every
// file with it a candidate: a lookup asks for the year before, of and
// after.
func skeletonKeys(ns []string, year int) []string {
	var out []string
	y := strconv.Itoa(year)
	for _, n := range ns {
		for _, w := range names.Words(n) {
			if sk := bareSkeleton(w); sk != "" {
				out = append(out, sk+"|"+y)
			}
		}
	}
	return dedupe(out)
}

// bareSkeleton is names.Skeleton without its vowel class letter (a, i or
// u, the only lower-case vowels a skeleton holds). Words read from Arabic
// script have no class, so only bare skeletons meet across scripts: محمد
// and Muhammad share "mhmd".
func bareSkeleton(w string) string {
	return strings.Map(func(r rune) rune {
		if r == 'a' || r == 'i' || r == 'u' {
			return -1
		}
		return r
	}, names.Skeleton(w))
}

// duplicateLookupKeys returns the keys under which files that may be the
// same person as p are indexed.
func duplicateLookupKeys(p intake.Person) []string {
	ns := []string{p.Surname, p.GivenNames, p.SurnameOriginal, p.GivenNamesOriginal}
	var out []string
	for _, y := range []int{p.BirthDate.Year - 1, p.BirthDate.Year, p.BirthDate.Year + 1} {
		out = append(out, skeletonKeys(ns, y)...)
	}
	return out
}

// sortKey orders files by surname then given names, whatever the script
// they were recorded in.
func sortKey(p intake.Person) string {
	n := p.FullName()
	if strings.TrimSpace(p.Surname) == "" {
		n = names.Latin(p.OriginalName())
	}
	return names.Fold(n)
}

// queryWords splits a search into words and gives each word the key
// prefixes it looks up. An alternative that another one is a prefix of
// adds nothing to a prefix scan and is dropped.
func queryWords(text string) [][]string {
	var out [][]string
	for _, w := range names.Words(text) {
		alts := dedupe(names.QueryKeys(w))
		alts = slices.DeleteFunc(alts, func(a string) bool {
			if a == "" {
				return true
			}
			for _, b := range alts {
				if b != a && b != "" && strings.HasPrefix(a, b) {
					return true
				}
			}
			return false
		})
		if len(alts) > 0 {
			out = append(out, alts)
		}
	}
	return out
}

func dedupe(ss []string) []string {
	slices.Sort(ss)
	return slices.Compact(ss)
}
