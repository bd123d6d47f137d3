/**
 * GeoJSON export of predicted cells for QuPath and other GeoJSON readers: every cell's mask traced to a
 * polygon with holes on pixel corners ({@link org.hpacell.geojson.OutlineTracer}), written one
 * FeatureCollection per field with QuPath's properties ({@link org.hpacell.geojson.CellFeatureWriter},
 * {@link org.hpacell.geojson.GeoJsonExport}).
 */
package org.hpacell.geojson;
