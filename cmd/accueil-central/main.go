// Command accueil-central is the central sync server: desks push the
// events they make and pull those of other desks, over HTTPS with the
// central's own certificate authority.
//
//	accueil-central --data DIR --listen HOST:PORT [--names NAME,...]   serve (HTTPS only)
//	accueil-central enroll --data DIR [--ttl 24h]   print a one-time enrolment code
//	accueil-central desks --data DIR                list enrolled desks
//	accueil-central revoke --data DIR DESK          refuse a desk from now on
//	accueil-central user add --data DIR --name NAME --role ROLE   add a staff account for every desk
//	accueil-central user disable|enable|password --data DIR NAME
//	accueil-central user list --data DIR
//	accueil-central publish guide --data DIR FOLDER      publish orientation-guide content
//	accueil-central publish reference --data DIR FILE    publish return_assistance.toml
//
// The database is sealed under a key kept outside it (--key-file, by
// default DIR/keys/central.key, made on first start). It is the SQLite
// file DIR/central.db unless --db names a PostgreSQL database
// (postgres://…); every command takes --db.
//
// On first start it creates its certificate authority in the data folder
// and prints the authority's fingerprint, which enrolment codes carry. The
// server certificate names the listen host, loopback and --names (the
// names desks dial when the central listens on all interfaces).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"accueil/replication/central"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "accueil-central:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	cmd, rest := "", args
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, rest = args[0], args[1:]
	}
	switch cmd {
	case "":
		return runServe(rest)
	case "enroll":
		return runEnroll(rest)
	case "desks":
		return runDesks(rest)
	case "revoke":
		return runRevoke(rest)
	case "user":
		return runUser(rest)
	case "publish":
		return runPublish(rest)
	case "help":
		fmt.Println(usage)
		return nil
	}
	return fmt.Errorf("unknown command %q\n%s", cmd, usage)
}

const usage = `usage:
  accueil-central --data DIR --listen HOST:PORT [--names NAME,...] [--verbose]
  accueil-central enroll --data DIR [--ttl 24h]
  accueil-central desks --data DIR
  accueil-central revoke --data DIR DESK
  accueil-central user add|disable|enable|password|list --data DIR ...
  accueil-central publish guide|reference --data DIR FOLDER|FILE
Every command takes --key-file FILE (default DIR/keys/central.key)
and --db postgres://... (default: the SQLite file in DIR)`

// where holds the flags every command takes: the data folder, the key
// file that seals the database and, when set, the PostgreSQL database
// used instead of the SQLite file in the data folder.
type where struct{ data, keyFile, db string }

func (w *where) register(fs *flag.FlagSet) {
	fs.StringVar(&w.data, "data", "accueil-central-data", "data folder (database, certificates)")
	fs.StringVar(&w.keyFile, "key-file", "", "the key that seals the database (default DATA/keys/central.key); keep a backup apart from the database")
	fs.StringVar(&w.db, "db", "", "PostgreSQL database URL (postgres://USER@HOST/DB) to use instead of the SQLite file in DATA")
}

// open opens the sealed central database.
func (w *where) open(ctx context.Context) (*central.Vault, error) {
	key := w.keyFile
	if key == "" {
		key = central.DefaultKeyFile(w.data)
	}
	var v *central.Vault
	var err error
	if w.db != "" {
		v, err = central.OpenPostgresVault(ctx, w.db, key)
	} else {
		v, err = central.Open(ctx, w.data, key)
	}
	if err == nil && v.KeyCreated != "" {
		fmt.Printf("Created the key that seals the database: %s\nBack it up apart from the database: without it the data cannot be read.\n", v.KeyCreated)
	}
	return v, err
}

func runServe(args []string) error {
	fs := flag.NewFlagSet("accueil-central", flag.ContinueOnError)
	var w where
	w.register(fs)
	listen := fs.String("listen", "127.0.0.1:8443", "address to serve HTTPS on, HOST:PORT")
	names := fs.String("names", "", "other host names or addresses desks use to reach the central, comma-separated")
	verbose := fs.Bool("verbose", false, "log every request (never its content)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(*listen)
	if err != nil {
		return fmt.Errorf("--listen %q: %w", *listen, err)
	}
	id, err := central.LoadIdentity(w.data, append(strings.Split(*names, ","), host)...)
	if err != nil {
		return err
	}
	if id.Created {
		fmt.Println("Created the central's certificate authority.")
	}
	fmt.Println("CA fingerprint (SHA-256):", id.CA)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := w.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	fmt.Printf("Listening on https://%s\n", ln.Addr())
	return central.Serve(ctx, ln, central.NewServer(st, log).Handler(), id.Cert, log, 30*time.Second)
}

func runEnroll(args []string) error {
	fs := flag.NewFlagSet("enroll", flag.ContinueOnError)
	var w where
	w.register(fs)
	ttl := fs.Duration("ttl", 24*time.Hour, "how long the code stays valid")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *ttl <= 0 {
		return errors.New("enroll: --ttl must be positive")
	}
	id, err := central.LoadIdentity(w.data, "")
	if err != nil {
		return fmt.Errorf("enroll: %w", err)
	}
	ctx := context.Background()
	st, err := w.open(ctx)
	if err != nil {
		return fmt.Errorf("enroll: %w", err)
	}
	defer st.Close()
	code, err := central.NewCode(ctx, st, id.CA, *ttl, time.Now())
	if err != nil {
		return fmt.Errorf("enroll: %w", err)
	}
	fmt.Println("CA fingerprint (SHA-256):", id.CA)
	fmt.Printf("One-time enrolment code, valid until %s (run at the desk: accueil enroll https://HOST:PORT CODE):\n",
		time.Now().Add(*ttl).Format(time.RFC3339))
	fmt.Println(code)
	return nil
}

func runDesks(args []string) error {
	fs := flag.NewFlagSet("desks", flag.ContinueOnError)
	var w where
	w.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	st, err := w.open(ctx)
	if err != nil {
		return fmt.Errorf("desks: %w", err)
	}
	defer st.Close()
	desks, err := st.Desks(ctx)
	if err != nil {
		return fmt.Errorf("desks: %w", err)
	}
	for _, d := range desks {
		state := "active"
		if !d.Revoked.IsZero() {
			state = "revoked " + d.Revoked.Format(time.RFC3339)
		}
		fmt.Printf("%s\tenrolled %s\t%s\n", d.ID, d.Enrolled.Format(time.RFC3339), state)
	}
	return nil
}

func runRevoke(args []string) error {
	fs := flag.NewFlagSet("revoke", flag.ContinueOnError)
	var w where
	w.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("revoke: name one desk ID (see accueil-central desks)")
	}
	ctx := context.Background()
	st, err := w.open(ctx)
	if err != nil {
		return fmt.Errorf("revoke: %w", err)
	}
	defer st.Close()
	if err := st.Revoke(ctx, fs.Arg(0), time.Now()); err != nil {
		return fmt.Errorf("revoke: %w", err)
	}
	fmt.Println("Revoked", fs.Arg(0))
	return nil
}
