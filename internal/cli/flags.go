// Package cli holds what the command-line programs share about reading
// their arguments.
package cli

import "flag"

// ParseInterspersed parses flags before, between and after positional
// arguments, so that "enroll URL CODE --data DIR" and "user disable NAME
// --data DIR" work as typed. It returns the positional arguments in order.
func ParseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
