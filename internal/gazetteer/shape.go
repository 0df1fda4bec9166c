package gazetteer

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
)

// mainlandShare is the share of a country's area its largest polygon must
// hold for that polygon's centroid to stand for the country.
const mainlandShare = 0.75

// maxShapeBytes bounds one country outline file.
const maxShapeBytes = 64 << 20

type geoJSON struct {
	Features []struct {
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

// mainlandCentroid reads a country outline (GeoJSON FeatureCollection of
// Polygons or MultiPolygons, as world-countries ships them) and returns the
// centroid of its largest polygon when that polygon holds at least
// mainlandShare of the country's area: the centre of the main territory,
// which for the United States is the contiguous states rather than a point
// pulled towards Alaska. ok is false otherwise.
func mainlandCentroid(r io.Reader) (lat, lon float64, ok bool, err error) {
	b, err := io.ReadAll(io.LimitReader(r, maxShapeBytes+1))
	if err != nil {
		return 0, 0, false, err
	}
	if len(b) > maxShapeBytes {
		return 0, 0, false, fmt.Errorf("outline too large")
	}
	var g geoJSON
	if err := json.Unmarshal(b, &g); err != nil {
		return 0, 0, false, err
	}
	var total, best, bestLat, bestLon float64
	for _, f := range g.Features {
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return 0, 0, false, err
			}
			polys = append(polys, p)
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &polys); err != nil {
				return 0, 0, false, err
			}
		}
		for _, p := range polys {
			if len(p) == 0 {
				continue
			}
			a, clat, clon := ringCentroid(p[0])
			total += a
			if a > best {
				best, bestLat, bestLon = a, clat, clon
			}
		}
	}
	if total <= 0 || best < mainlandShare*total || bestLat < -90 || bestLat > 90 || bestLon < -180 || bestLon > 180 {
		return 0, 0, false, nil
	}
	return bestLat, bestLon, true, nil
}

// ringCentroid returns the area (in square degrees scaled by the cosine of
// the latitude, so polar outlines do not weigh more than they should) and
// the planar centroid of a closed ring of lon/lat points.
func ringCentroid(ring [][2]float64) (area, lat, lon float64) {
	var a, cx, cy, sumLat float64
	for i := 0; i+1 < len(ring); i++ {
		x0, y0 := ring[i][0], ring[i][1]
		x1, y1 := ring[i+1][0], ring[i+1][1]
		f := x0*y1 - x1*y0
		a += f
		cx += (x0 + x1) * f
		cy += (y0 + y1) * f
		sumLat += y0
	}
	if a == 0 || len(ring) < 4 {
		return 0, 0, 0
	}
	a /= 2
	lat, lon = cy/(6*a), cx/(6*a)
	meanLat := sumLat / float64(len(ring)-1)
	return math.Abs(a) * math.Cos(meanLat*math.Pi/180), lat, lon
}
