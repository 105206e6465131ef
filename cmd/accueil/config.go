package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/term"
	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/i18n"
	"accueil/intake"
	"accueil/store"
)

// common holds the flags every command takes.
type common struct {
	data string
	user string
	lang string
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.data, "data", defaultDataDir(), "data folder")
	fs.StringVar(&c.user, "user", "", "staff user name")
	fs.StringVar(&c.lang, "lang", "", "staff language (fr, de, it, en); default from the environment")
}

// defaultDataDir is the user's data folder: XDG data home on Linux, the
// per-user application folder on Windows and macOS.
func defaultDataDir() string {
	if runtime.GOOS == "linux" {
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "accueil")
		}
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, ".local", "share", "accueil")
		}
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "Accueil")
	}
	return "accueil-data"
}

// openStore opens the desk database in the data folder, creating both.
func (c *common) openStore(ctx context.Context) (*store.Store, error) {
	if err := os.MkdirAll(c.data, 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	return store.Open(ctx, filepath.Join(c.data, "desk.db"))
}

// session opens the store and logs in --user: what every command that
// reads or writes persons starts with. The caller closes the store.
func (c *common) session(ctx context.Context) (*store.Store, intake.Staff, error) {
	st, err := c.openStore(ctx)
	if err != nil {
		return nil, intake.Staff{}, err
	}
	staff, err := c.login(ctx, st)
	if err != nil {
		st.Close()
		return nil, intake.Staff{}, err
	}
	return st, staff, nil
}

// login authenticates --user with ACCUEIL_PASSWORD or a terminal prompt.
func (c *common) login(ctx context.Context, st *store.Store) (intake.Staff, error) {
	if c.user == "" {
		return intake.Staff{}, errors.New("--user is required")
	}
	pw, err := password("Password for " + c.user + ": ")
	if err != nil {
		return intake.Staff{}, err
	}
	staff, err := st.Authenticate(ctx, c.user, pw)
	if err != nil {
		// The name typed is not repeated: it may be a password typed in
		// the wrong field, or someone else's name.
		return intake.Staff{}, fmt.Errorf("login: %w", err)
	}
	return staff, nil
}

// password reads ACCUEIL_PASSWORD, or asks on the terminal without echo.
func password(prompt string) (string, error) {
	if pw, ok := os.LookupEnv("ACCUEIL_PASSWORD"); ok {
		return pw, nil
	}
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		return "", errors.New("no password: set ACCUEIL_PASSWORD or run on a terminal")
	}
	fmt.Fprint(os.Stderr, prompt)
	b, err := term.ReadPassword(int(os.Stdin.Fd()))
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	return string(b), nil
}

// localizer returns the staff localizer for --lang, else the environment's
// language when the catalog has it, else French (the office's majority
// language).
func (c *common) localizer() (*i18n.Localizer, error) {
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		return nil, err
	}
	return cat.Localizer(pickLanguage(c.lang, cat.Languages())), nil
}

func pickLanguage(flagValue string, have []language.Tag) language.Tag {
	wanted := []string{flagValue, os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG")}
	m := language.NewMatcher(have)
	for _, w := range wanted {
		w, _, _ = strings.Cut(w, ".")
		if w == "" || w == "C" || w == "POSIX" {
			continue
		}
		tag, err := language.Parse(strings.ReplaceAll(w, "_", "-"))
		if err != nil {
			continue
		}
		if _, i, conf := m.Match(tag); conf >= language.High {
			return have[i]
		}
	}
	return language.French
}
