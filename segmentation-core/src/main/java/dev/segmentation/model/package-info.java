/** The data model: attributes, schemas, customers and events. */
package dev.segmentation.model;
