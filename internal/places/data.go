package places

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/vigilhq/vigil/internal/gazetteer"
)

//go:embed data/*.tsv
var dataFS embed.FS

// region is a named region of regions.tsv.
type region struct {
	name     string
	country  string // ISO3, "" for international regions
	lat, lon float64
}

// readTSV returns the rows of an embedded TSV file, skipping comments and
// blank lines, each with at least cols fields.
func readTSV(path string, cols int) ([][]string, error) {
	f, err := dataFS.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		fs := strings.Split(t, "\t")
		if len(fs) < cols {
			return nil, fmt.Errorf("read %s line %d: %d fields, want %d", path, line, len(fs), cols)
		}
		rows = append(rows, fs)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, nil
}

// regionKey is the lookup key of a region name: normalised, without a
// leading "the".
func regionKey(s string) string {
	k := gazetteer.Normalize(s)
	return strings.TrimPrefix(k, "the ")
}

func loadRegions() ([]region, map[string]int, int, error) {
	rows, err := readTSV("data/regions.tsv", 5)
	if err != nil {
		return nil, nil, 0, err
	}
	var regs []region
	keys := map[string]int{}
	maxWords := 0
	for _, r := range rows {
		lat, err1 := strconv.ParseFloat(r[3], 64)
		lon, err2 := strconv.ParseFloat(r[4], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return nil, nil, 0, fmt.Errorf("read regions.tsv: %s: bad coordinates", r[0])
		}
		i := len(regs)
		regs = append(regs, region{name: r[0], country: r[2], lat: lat, lon: lon})
		names := []string{r[0]}
		if r[1] != "" {
			names = append(names, strings.Split(r[1], "|")...)
		}
		for _, n := range names {
			k := regionKey(n)
			if k == "" {
				continue
			}
			if j, dup := keys[k]; dup && j != i {
				return nil, nil, 0, fmt.Errorf("read regions.tsv: %q listed twice", n)
			}
			keys[k] = i
			maxWords = max(maxWords, strings.Count(k, " ")+1)
		}
	}
	return regs, keys, maxWords, nil
}

// loadStates returns US state abbreviations ("Va.", "GA") with the state
// names they stand for.
func loadStates() (abbr map[string]string, country map[string]string, err error) {
	abbr, country = map[string]string{}, map[string]string{}
	for _, f := range []struct{ path, country string }{{"data/us_states.tsv", "USA"}, {"data/ca_provinces.tsv", "CAN"}} {
		rows, err := readTSV(f.path, 2)
		if err != nil {
			return nil, nil, err
		}
		for _, r := range rows {
			for _, a := range strings.Split(r[0], "|") {
				abbr[a] = r[1]
			}
			country[r[1]] = f.country
		}
	}
	return abbr, country, nil
}

// loadStandalone reads standalone_cities.tsv: normalised name -> state.
func loadStandalone() (map[string]string, error) {
	rows, err := readTSV("data/standalone_cities.tsv", 2)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rows {
		out[gazetteer.Normalize(r[0])] = r[1]
	}
	return out, nil
}

// loadWords reads a one-column list, normalised.
func loadWords(path string) (map[string]bool, error) {
	rows, err := readTSV(path, 1)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, r := range rows {
		out[gazetteer.Normalize(r[0])] = true
	}
	return out, nil
}

// point is a latitude and longitude.
type point struct{ lat, lon float64 }

// loadCountryPoints reads country_points.tsv.
func loadCountryPoints() (map[string]point, error) {
	rows, err := readTSV("data/country_points.tsv", 3)
	if err != nil {
		return nil, err
	}
	out := map[string]point{}
	for _, r := range rows {
		lat, err1 := strconv.ParseFloat(r[1], 64)
		lon, err2 := strconv.ParseFloat(r[2], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return nil, fmt.Errorf("read country_points.tsv: %s: bad coordinates", r[0])
		}
		out[r[0]] = point{lat, lon}
	}
	return out, nil
}
