package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

func ptr[T any](v T) *T { return &v }

// fixture returns an article in which every list of the contract is filled
// and every optional field is exercised both set and unset. n makes the id,
// URL and text unique.
func fixture(n int) *model.Article {
	text := fmt.Sprintf("Talks resumed in Geneva on Saturday, officials said (%d).\n"+
		"\"We will not give up,\" the minister told the BBC.\n"+
		"More than 14,000 people were evacuated from Shebekino.", n)
	place := model.Place{Text: "Shebekino", Name: "Shebekino", Country: ptr("RUS"), Admin1: ptr("Belgorod Oblast"),
		Lat: 50.41, Lon: 36.9, Kind: "city", GeonameID: ptr(490554), Sentence: 2}
	qty := model.Quantity{Value: 14000, Approx: true, What: "people", Kind: ptr("evacuated"),
		Text: "More than 14,000 people", Sentence: 2}
	return &model.Article{
		ID:        fmt.Sprintf("%064x", n+1),
		URL:       ptr(fmt.Sprintf("https://news.example.org/world/story-%d/?utm_source=feed", n)),
		Source:    ptr("Example News"),
		Published: ptr("2022-02-20"),
		Title:     fmt.Sprintf("Talks resume in Geneva %d", n),
		Text:      text,
		Removed: []model.Removal{
			{Text: "READ MORE: Other story", Reason: model.ReasonPromo},
			{Text: "Photo: Agency", Reason: model.ReasonCaption},
		},
		Sentences: []model.Span{{Start: 0, End: 55}, {Start: 56, End: 105}, {Start: 106, End: len(text)}},
		Entities: []model.Entity{
			{Text: "Geneva", Type: "GPE", Sentence: 0, Start: 17, End: 23, Name: ptr("Geneva"), Actor: ptr("CHE")},
			{Text: "BBC", Type: "ORG", Sentence: 1, Start: 100, End: 103, Name: ptr(""), Actor: nil},
			{Text: "the minister", Type: "PERSON", Sentence: 1, Start: 80, End: 92},
		},
		Events: []model.Event{
			{
				Sentence: 0, Text: "Talks resumed in Geneva on Saturday, officials said.",
				Source: &model.Actor{Text: "officials", Name: ptr("officials"), Actor: ptr("UKRGOV"), Country: ptr("UKR")},
				Target: &model.Actor{Text: "Russia", Name: nil, Actor: ptr("RUS"), Country: ptr("RUS")},
				CAMEO:  "0311", Root: "03", QuadClass: 1, Goldstein: 5.2,
				Plover:  model.Plover{Type: "AGREE", Mode: ptr("negotiate")},
				Trigger: "resumed", Modality: model.Reported, AttributedTo: ptr("officials"),
				Date: ptr("2022-02-19"), DatePrecision: ptr("day"),
				Location: &place, Counts: []model.Quantity{qty}, Confidence: 0.875,
			},
			{
				Sentence: 2, Text: "More than 14,000 people were evacuated from Shebekino.",
				Source: nil, Target: &model.Actor{Text: ""},
				CAMEO: "0233", Root: "02", QuadClass: 1, Goldstein: -0.1 / 3,
				Plover: model.Plover{Type: "AID", Mode: nil}, Trigger: "evacuated", Modality: model.Asserted,
				Counts: []model.Quantity{}, Confidence: 1,
			},
		},
		Quotes: []model.Quote{
			{Text: "We will not give up,", Speaker: &model.Speaker{Text: "the minister", Name: ptr("Minister"), Actor: ptr("UKRGOV")},
				Sentence: 1, Start: 57, End: 77, Direct: true, Cue: "told", Medium: ptr("BBC")},
			{Text: "talks resumed", Speaker: nil, Sentence: 0, Start: 0, End: 13, Direct: false, Cue: "said"},
			{Text: "", Speaker: &model.Speaker{}, Cue: ""},
		},
		Quantities: []model.Quantity{qty, {Value: 0.5, What: "vehicles", Text: "half", Sentence: 2}},
		Places: []model.Place{place, {Text: "Geneva", Name: "Geneva", Kind: "city", Lat: -0, Lon: math.SmallestNonzeroFloat64},
			{Text: "Coffman Park", Name: "Coffman Park", Country: ptr("USA"), Lat: 40.1, Lon: -83.1, Kind: "other", Sentence: 0, Approx: true}},
		Times: []model.Time{
			{Text: "on Saturday", Value: "2022-02-19", Start: "2022-02-19", End: "2022-02-19", Sentence: 0},
			{Text: "last week", Value: "2022-W06", Start: "2022-02-07", End: "2022-02-13", Sentence: 0},
		},
	}
}

func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "vigil.db"), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

var tables = []string{"articles", "articles_fts", "removed", "sentences", "entities", "events", "quotes",
	"quantities", "places", "times", "feeds"}

func rowCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tbl := range tables {
		var n int
		if err := s.r.QueryRow("SELECT count(*) FROM " + tbl).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", tbl, err)
		}
		out[tbl] = n
	}
	return out
}

func TestOpenSettings(t *testing.T) {
	s := openTest(t)
	for _, tc := range []struct {
		db     *sql.DB
		pragma string
		want   string
	}{
		{s.w, "journal_mode", "wal"},
		{s.r, "journal_mode", "wal"},
		{s.w, "foreign_keys", "1"},
		{s.r, "foreign_keys", "1"},
		{s.w, "busy_timeout", "10000"},
		{s.r, "query_only", "1"},
		{s.w, "user_version", fmt.Sprint(len(migrations))},
	} {
		var got string
		if err := tc.db.QueryRow("PRAGMA " + tc.pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", tc.pragma, err)
		}
		if got != tc.want {
			t.Errorf("PRAGMA %s = %q, want %q", tc.pragma, got, tc.want)
		}
	}
	if _, err := s.r.Exec("DELETE FROM feeds"); err == nil {
		t.Error("write through the read pool succeeded, want it refused")
	}
}

func TestOpenBadPath(t *testing.T) {
	for _, p := range []string{"", "a?b.db", "file:x.db"} {
		if s, err := Open(context.Background(), p, nil); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded, want error", p)
		}
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, fixture(1)); err != nil {
		t.Fatal(err)
	}

	// Re-running the list applies nothing.
	if n, err := migrate(ctx, s.w, migrations); err != nil || n != 0 {
		t.Errorf("migrate again = %d, %v; want 0, nil", n, err)
	}
	// A new step is applied once, in order, and recorded.
	steps := append(append([]string{}, migrations...),
		`CREATE TABLE extra (a TEXT)`, `INSERT INTO extra VALUES ('x')`)
	if n, err := migrate(ctx, s.w, steps); err != nil || n != 2 {
		t.Fatalf("migrate with new steps = %d, %v; want 2, nil", n, err)
	}
	if n, err := migrate(ctx, s.w, steps); err != nil || n != 0 {
		t.Errorf("migrate new steps again = %d, %v; want 0, nil", n, err)
	}
	var rows int
	if err := s.w.QueryRow("SELECT count(*) FROM extra").Scan(&rows); err != nil || rows != 1 {
		t.Errorf("extra rows = %d, %v; want 1", rows, err)
	}
	// A failing step leaves the version where it was.
	bad := append(append([]string{}, steps...), `CREATE TABLE extra (a TEXT)`)
	if _, err := migrate(ctx, s.w, bad); err == nil {
		t.Error("failing step: got nil error")
	}
	var v int
	if err := s.w.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(steps) {
		t.Errorf("user_version after failed step = %d, %v; want %d", v, err, len(steps))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// This build is older than the file now: refuse rather than guess.
	if s, err := Open(ctx, path, nil); err == nil {
		s.Close()
		t.Fatal("Open of a newer schema succeeded, want error")
	} else if !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer schema: %v, want a 'newer' error", err)
	}
}

// TestMigratePlacesApprox opens a database written by the first schema,
// with a place in it, and checks that the place reads back with approx
// false after the migration adds the column.
func TestMigratePlacesApprox(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := migrate(ctx, db, migrations[:1]); err != nil || n != 1 {
		t.Fatalf("migrate to version 1 = %d, %v", n, err)
	}
	if _, err := db.Exec(`INSERT INTO places (article, idx, text, name, lat, lon, kind, sentence) VALUES (1, 0, 'Kharkiv', 'Kharkiv', 50, 36.25, 'city', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatalf("open a version 1 database: %v", err)
	}
	defer s.Close()
	var approx bool
	var v int
	if err := s.w.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
		t.Errorf("user_version = %d, %v; want %d", v, err, len(migrations))
	}
	if err := s.w.QueryRow("SELECT approx FROM places WHERE name = 'Kharkiv'").Scan(&approx); err != nil || approx {
		t.Errorf("approx of an old place = %v, %v; want false", approx, err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := s.Put(ctx, fixture(7)); err != nil || res != Added {
		t.Fatalf("Put = %v, %v", res, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if res, err := s.Put(ctx, fixture(7)); err != nil || res != DuplicateID {
		t.Errorf("Put after reopen = %v, %v; want %v", res, err, DuplicateID)
	}
	if _, err := s.Article(ctx, fixture(7).ID); err != nil {
		t.Errorf("Article after reopen: %v", err)
	}
}

func TestPutRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	want := fixture(1)
	res, err := s.Put(ctx, want)
	if err != nil || res != Added {
		t.Fatalf("Put = %v, %v; want %v", res, err, Added)
	}
	got, err := s.Article(ctx, want.ID)
	if err != nil {
		t.Fatalf("Article: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
		diffLists(t, got, want)
	}
	if got.URL == want.URL || got.Events[0].Source == want.Events[0].Source {
		t.Error("Article shares pointers with the stored value")
	}
}

func diffLists(t *testing.T, got, want *model.Article) {
	g, w := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := 0; i < g.NumField(); i++ {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			t.Errorf("field %s:\n got %#v\nwant %#v", g.Type().Field(i).Name, g.Field(i).Interface(), w.Field(i).Interface())
		}
	}
}

func TestPutEmptyLists(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := &model.Article{ID: "abc", Title: "t", Text: "x"}
	if _, err := s.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, "abc")
	if err != nil {
		t.Fatal(err)
	}
	want := &model.Article{ID: "abc", Title: "t", Text: "x"}
	want.Normalize()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
	if got.URL != nil || got.Source != nil || got.Published != nil {
		t.Errorf("null fields came back set: %v %v %v", got.URL, got.Source, got.Published)
	}
}

func TestArticleNotFound(t *testing.T) {
	s := openTest(t)
	if _, err := s.Article(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Article(nope) error = %v, want ErrNotFound", err)
	}
}

func TestPutIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := fixture(1)
	if res, err := s.Put(ctx, a); err != nil || res != Added {
		t.Fatalf("first Put = %v, %v", res, err)
	}
	before := rowCounts(t, s)
	for tbl, n := range before {
		if n == 0 && tbl != "feeds" {
			t.Errorf("table %s is empty after Put", tbl)
		}
	}

	// Same id again.
	if res, err := s.Put(ctx, a); err != nil || res != DuplicateID {
		t.Errorf("second Put = %v, %v; want %v", res, err, DuplicateID)
	}
	// Different text (id), same article URL written differently.
	b := fixture(2)
	b.URL = ptr("HTTPS://NEWS.example.org:443/world/story-1#top")
	if res, err := s.Put(ctx, b); err != nil || res != DuplicateURL {
		t.Errorf("Put with same canonical URL = %v, %v; want %v", res, err, DuplicateURL)
	}
	if after := rowCounts(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("duplicates changed row counts:\n got %v\nwant %v", after, before)
	}

	// Articles without a URL are told apart by id only.
	c, d := fixture(3), fixture(4)
	c.URL, d.URL = nil, nil
	for _, x := range []*model.Article{c, d} {
		if res, err := s.Put(ctx, x); err != nil || res != Added {
			t.Errorf("Put without URL = %v, %v; want %v", res, err, Added)
		}
	}
}

func TestPutAtomic(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := fixture(1)
	// NaN is stored as NULL, which the NOT NULL column refuses: the insert
	// fails after the article row and several lists were written.
	a.Times[1].Text = "x"
	a.Quantities[1].Value = math.NaN()
	if _, err := s.Put(ctx, a); err == nil {
		t.Fatal("Put with NaN succeeded, want error")
	}
	for tbl, n := range rowCounts(t, s) {
		if n != 0 {
			t.Errorf("after a failed Put, table %s has %d rows, want 0", tbl, n)
		}
	}
	if _, err := s.Put(ctx, fixture(1)); err != nil {
		t.Errorf("Put after a failed Put: %v", err)
	}
}

func TestPutNoID(t *testing.T) {
	s := openTest(t)
	if _, err := s.Put(context.Background(), &model.Article{Text: "x"}); err == nil {
		t.Error("Put without id succeeded")
	}
	if _, err := s.Put(context.Background(), nil); err == nil {
		t.Error("Put(nil) succeeded")
	}
}

func TestPutConcurrent(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	const workers, articles = 6, 20
	var mu sync.Mutex
	results := map[PutResult]int{}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range articles {
				// Every worker puts the same 20 articles, in a different order,
				// while reading.
				n := (i + w*3) % articles
				res, err := s.Put(ctx, fixture(n))
				if err != nil {
					t.Errorf("Put: %v", err)
					return
				}
				if _, err := s.Article(ctx, fixture(n).ID); err != nil {
					t.Errorf("Article: %v", err)
				}
				mu.Lock()
				results[res]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if results[Added] != articles || results[DuplicateID] != (workers-1)*articles {
		t.Errorf("results = %v, want %d added and %d duplicate", results, articles, (workers-1)*articles)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != articles || st.Sentences != 3*articles || st.Events != 2*articles {
		t.Errorf("stats = %+v, want %d articles", st, articles)
	}
}

func TestHasURL(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.Put(ctx, fixture(5)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"https://news.example.org/world/story-5", true},
		{"https://news.example.org/world/story-5/?fbclid=1#x", true},
		{"http://news.example.org/world/story-5", false},
		{"https://news.example.org/world/story-6", false},
		{"", false},
	} {
		got, err := s.HasURL(ctx, tc.url)
		if err != nil || got != tc.want {
			t.Errorf("HasURL(%q) = %v, %v; want %v", tc.url, got, err, tc.want)
		}
	}
}

func TestArticles(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	clock := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	s.now = func() time.Time { clock = clock.Add(time.Second); return clock }
	specs := []struct {
		published *string
		source    string
		title     string
	}{
		{ptr("2022-02-18"), "Alpha", "Ceasefire talks stall"},
		{ptr("2022-02-20"), "Beta", "Évacuation of Shebekino"},
		{nil, "Alpha", "Undated report on talks"},
		{ptr("2022-02-19"), "Beta", "Markets calm"},
	}
	ids := make([]string, len(specs))
	for i, sp := range specs {
		a := fixture(i)
		a.Published, a.Source, a.Title = sp.published, ptr(sp.source), sp.title
		a.Text = fmt.Sprintf("Report %d filed from Geneva.", i)
		ids[i] = a.ID
		if _, err := s.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		q    ArticleQuery
		want []int
	}{
		// The undated one sorts by the day it was added (2024).
		{"all newest first", ArticleQuery{}, []int{2, 1, 3, 0}},
		{"limit and offset", ArticleQuery{Limit: 2, Offset: 1}, []int{1, 3}},
		{"source", ArticleQuery{Source: "Beta"}, []int{1, 3}},
		{"since", ArticleQuery{Since: "2022-02-19"}, []int{1, 3}},
		{"until", ArticleQuery{Until: "2022-02-19"}, []int{3, 0}},
		{"full text title", ArticleQuery{Q: "talks"}, []int{2, 0}},
		{"full text diacritics", ArticleQuery{Q: "evacuation"}, []int{1}},
		{"full text two words", ArticleQuery{Q: "ceasefire   TALKS!"}, []int{0}},
		{"full text body", ArticleQuery{Q: "Geneva"}, []int{2, 1, 3, 0}},
		{"full text syntax chars", ArticleQuery{Q: `"talks" AND (OR`}, nil},
		{"full text no match", ArticleQuery{Q: "zebra"}, nil},
		{"combined", ArticleQuery{Q: "talks", Source: "Alpha", Until: "2022-02-28"}, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Articles(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("Articles returned nil, want an empty list at least")
			}
			var gotIdx []int
			for _, a := range got {
				gotIdx = append(gotIdx, indexOf(ids, a.ID))
			}
			if !reflect.DeepEqual(gotIdx, tt.want) {
				t.Errorf("got articles %v, want %v", gotIdx, tt.want)
			}
		})
	}

	got, err := s.Articles(ctx, ArticleQuery{Source: "Alpha", Since: "2022-02-18", Until: "2022-02-18"})
	if err != nil || len(got) != 1 {
		t.Fatalf("Articles = %v, %v", got, err)
	}
	a := got[0]
	if a.Title != specs[0].title || *a.Source != "Alpha" || *a.Published != "2022-02-18" ||
		a.Sentences != 3 || a.Events != 2 || a.URL == nil || !a.Added.Equal(time.Date(2024, 5, 1, 12, 0, 1, 0, time.UTC)) {
		t.Errorf("summary = %+v", a)
	}
}

func indexOf(ids []string, id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

func TestEvents(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a, b := fixture(1), fixture(2)
	b.Published = ptr("2022-03-01")
	b.Events[0].Date = ptr("2022-02-25")
	b.Events[0].Source.Country = ptr("POL")
	b.Events[0].Target = nil
	for _, x := range []*model.Article{a, b} {
		if _, err := s.Put(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	type key struct {
		art string
		idx int
	}
	A0, A1, B0, B1 := key{a.ID, 0}, key{a.ID, 1}, key{b.ID, 0}, key{b.ID, 1}
	tests := []struct {
		name string
		q    EventQuery
		want []key
	}{
		// Dates: A0 2022-02-19, A1 none (article 2022-02-20), B0 2022-02-25, B1 none (article 2022-03-01).
		{"all", EventQuery{}, []key{B1, B0, A1, A0}},
		{"article", EventQuery{ArticleID: a.ID}, []key{A1, A0}},
		{"country source", EventQuery{Country: "POL"}, []key{B0}},
		{"country source or target", EventQuery{Country: "RUS"}, []key{A0}},
		{"country target", EventQuery{Country: "UKR"}, []key{A0}},
		{"root", EventQuery{Root: "02"}, []key{B1, A1}},
		{"modality", EventQuery{Modality: model.Reported}, []key{B0, A0}},
		{"since", EventQuery{Since: "2022-02-20"}, []key{B1, B0, A1}},
		{"until", EventQuery{Until: "2022-02-25"}, []key{B0, A1, A0}},
		{"range and root", EventQuery{Since: "2022-02-19", Until: "2022-02-28", Root: "03"}, []key{B0, A0}},
		{"limit offset", EventQuery{Limit: 2, Offset: 1}, []key{B0, A1}},
		{"nothing", EventQuery{Country: "FRA"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Events(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var keys []key
			for _, e := range got {
				keys = append(keys, key{e.ArticleID, e.Index})
			}
			if !reflect.DeepEqual(keys, tt.want) {
				t.Errorf("got %v, want %v", keys, tt.want)
			}
		})
	}
	got, err := s.Events(ctx, EventQuery{ArticleID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got[1].Event, a.Events[0]) {
		t.Errorf("event row = %+v, want %+v", got[1].Event, a.Events[0])
	}
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{}) {
		t.Errorf("empty store stats = %+v", st)
	}
	when := time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC)
	s.now = func() time.Time { return when }
	for i := range 3 {
		if _, err := s.Put(ctx, fixture(i)); err != nil {
			t.Fatal(err)
		}
	}
	st, err = s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := fixture(0)
	want := Stats{Articles: 3, Sentences: 3 * len(f.Sentences), Entities: 3 * len(f.Entities), Events: 3 * len(f.Events),
		Quotes: 3 * len(f.Quotes), Quantities: 3 * len(f.Quantities), Places: 3 * len(f.Places), Times: 3 * len(f.Times),
		LastAdded: when}
	if st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
}

func TestFeedState(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	const u = "https://example.org/rss.xml"
	if _, ok, err := s.FeedState(ctx, u); err != nil || ok {
		t.Fatalf("FeedState of unknown feed = ok %v, %v", ok, err)
	}
	st := model.FeedState{URL: u, Title: "Example", ETag: `"abc"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT",
		LastPoll: time.Date(2024, 1, 1, 10, 0, 0, 5, time.UTC), LastError: "", Items: 20, Added: 3}
	if err := s.SaveFeedState(ctx, st); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.FeedState(ctx, u)
	if err != nil || !ok {
		t.Fatalf("FeedState = ok %v, %v", ok, err)
	}
	if !reflect.DeepEqual(got, st) {
		t.Errorf("FeedState = %+v, want %+v", got, st)
	}
	if !got.LastOK.IsZero() {
		t.Errorf("LastOK = %v, want zero", got.LastOK)
	}

	st.LastOK, st.LastError, st.Added = st.LastPoll, "timeout", 5
	if err := s.SaveFeedState(ctx, st); err != nil {
		t.Fatal(err)
	}
	other := model.FeedState{URL: "https://a.example/feed", Title: "A"}
	if err := s.SaveFeedState(ctx, other); err != nil {
		t.Fatal(err)
	}
	all, err := s.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.FeedState{other, st}; !reflect.DeepEqual(all, want) {
		t.Errorf("FeedStates = %+v, want %+v", all, want)
	}
	if err := s.SaveFeedState(ctx, model.FeedState{}); err == nil {
		t.Error("SaveFeedState without URL succeeded")
	}
}

func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	a := typicalArticle()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := startCPU()
	for i := 0; b.Loop(); i++ {
		a.ID = fmt.Sprintf("%064x", i)
		a.URL = ptr(fmt.Sprintf("https://news.example.org/story/%d", i))
		if res, err := s.Put(ctx, a); err != nil || res != Added {
			b.Fatalf("Put = %v, %v", res, err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(cpu.per(b.N), "cpu-µs/article")
}

// typicalArticle is sized like a news story after extraction: about 4 KB of
// text in 30 sentences, with the lists the later stages fill.
func typicalArticle() *model.Article {
	var sb strings.Builder
	var sents []model.Span
	for i := range 30 {
		start := sb.Len()
		fmt.Fprintf(&sb, "Officials in the regional capital said on Tuesday that talks number %d would continue next week. ", i)
		sents = append(sents, model.Span{Start: start, End: sb.Len() - 1})
		if i%4 == 3 {
			sb.WriteString("\n")
		}
	}
	f := fixture(0)
	a := &model.Article{Title: "Talks continue", Text: sb.String(), Source: ptr("Example"), Published: ptr("2024-03-01"),
		Sentences: sents, Removed: f.Removed}
	for i := range 40 {
		a.Entities = append(a.Entities, model.Entity{Text: "Officials", Type: "NORP", Sentence: i % 30, Start: 0, End: 9,
			Name: ptr("officials"), Actor: ptr("UKRGOV")})
	}
	for range 3 {
		a.Events = append(a.Events, f.Events...)
		a.Quotes = append(a.Quotes, f.Quotes[0])
		a.Quantities = append(a.Quantities, f.Quantities...)
		a.Places = append(a.Places, f.Places...)
		a.Times = append(a.Times, f.Times...)
	}
	return a
}

func TestPutBatch(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.Put(ctx, fixture(0)); err != nil {
		t.Fatal(err)
	}
	bad := fixture(3)
	bad.Quantities[1].Value = math.NaN()
	sameURL := fixture(4)
	sameURL.URL = fixture(1).URL
	batch := []*model.Article{fixture(1), fixture(0), bad, fixture(1), nil, sameURL, fixture(2)}
	out, err := s.PutBatch(ctx, batch)
	if err != nil {
		t.Fatalf("PutBatch: %v", err)
	}
	want := []struct {
		res PutResult
		err bool
	}{{Added, false}, {DuplicateID, false}, {0, true}, {DuplicateID, false}, {0, true}, {DuplicateURL, false}, {Added, false}}
	if len(out) != len(want) {
		t.Fatalf("got %d outcomes, want %d", len(out), len(want))
	}
	for i, w := range want {
		if (out[i].Err != nil) != w.err || (!w.err && out[i].Result != w.res) {
			t.Errorf("outcome %d = %v, %v; want %v, error %v", i, out[i].Result, out[i].Err, w.res, w.err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 || st.Quantities != 3*len(bad.Quantities) {
		t.Errorf("after batch: %d articles, %d quantities; want 3 and %d (the failed article left nothing)",
			st.Articles, st.Quantities, 3*len(bad.Quantities))
	}
	for _, n := range []int{0, 1, 2} {
		got, err := s.Article(ctx, fixture(n).ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, fixture(n)) {
			t.Errorf("article %d differs after batch", n)
		}
	}
	if out, err := s.PutBatch(ctx, nil); err != nil || len(out) != 0 {
		t.Errorf("empty batch = %v, %v", out, err)
	}
}

func BenchmarkPutBatch(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	const size = 32
	batch := make([]*model.Article, size)
	for i := range batch {
		batch[i] = typicalArticle()
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := startCPU()
	n := 0
	for b.Loop() {
		for _, a := range batch {
			a.ID = fmt.Sprintf("%064x", n)
			a.URL = ptr(fmt.Sprintf("https://news.example.org/story/%d", n))
			n++
		}
		out, err := s.PutBatch(ctx, batch)
		if err != nil {
			b.Fatal(err)
		}
		for _, o := range out {
			if o.Err != nil || o.Result != Added {
				b.Fatalf("outcome %v, %v", o.Result, o.Err)
			}
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(cpu.per(n), "cpu-µs/article")
}
