/**
 * XEP-0313 Message Archive Management v2 ({@code urn:xmpp:mam:2}) with XEP-0059 result set management and
 * the XEP-0431 full-text field ({@code {urn:xmpp:fulltext:0}fulltext}): parsing a query into a neutral
 * {@link net.bluemind.xmpp.archive.query.ArchiveQuery}, deciding who may read which archive, and rendering
 * results. This package never knows the storage, nor Tigase: it reads and writes {@link
 * net.bluemind.xmpp.archive.mam.XmlElement} trees that the adapter converts.
 */
package net.bluemind.xmpp.archive.mam;
