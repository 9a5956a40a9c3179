<?xml version="1.0" encoding="UTF-8"?>
<!--
  factpipe XML to CSV: one row per fact, a header row first.

    xsltproc contrib/factpipe-to-csv.xsl out.xml > facts.csv

  Columns: source, kind, value, start, end, text, plugin, zone, unit,
  titles.  start/end are character offsets in the document's extracted
  text; zone is empty for article facts; unit is a count's unit; titles
  are an official's titles joined with "; ".  Text fields are always
  quoted, with quotes doubled (RFC 4180); rows end with a line feed.
  Failed documents (<error>) have no facts and give no rows.  Works on a
  combined file and on one per-document file alike.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:f="urn:factpipe:1">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:text>source,kind,value,start,end,text,plugin,zone,unit,titles&#10;</xsl:text>
    <xsl:apply-templates select="f:factpipe/f:document/f:fact"/>
  </xsl:template>

  <xsl:template match="f:fact">
    <xsl:call-template name="quoted"><xsl:with-param name="s" select="../@source"/></xsl:call-template>
    <xsl:text>,</xsl:text>
    <xsl:call-template name="quoted"><xsl:with-param name="s" select="@kind"/></xsl:call-template>
    <xsl:text>,</xsl:text>
    <xsl:call-template name="quoted"><xsl:with-param name="s" select="@value"/></xsl:call-template>
    <xsl:value-of select="concat(',', @start, ',', @end, ',')"/>
    <xsl:call-template name="quoted"><xsl:with-param name="s" select="@text"/></xsl:call-template>
    <xsl:text>,</xsl:text>
    <xsl:call-template name="quoted"><xsl:with-param name="s" select="@plugin"/></xsl:call-template>
    <xsl:text>,</xsl:text>
    <xsl:call-template name="quoted"><xsl:with-param name="s" select="@zone"/></xsl:call-template>
    <xsl:text>,</xsl:text>
    <xsl:call-template name="quoted"><xsl:with-param name="s" select="@unit"/></xsl:call-template>
    <xsl:text>,</xsl:text>
    <xsl:call-template name="quoted">
      <xsl:with-param name="s">
        <xsl:for-each select="f:title">
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- "s" with every quote doubled. -->
  <xsl:template name="quoted">
    <xsl:param name="s"/>
    <xsl:text>"</xsl:text>
    <xsl:call-template name="double-quotes"><xsl:with-param name="s" select="string($s)"/></xsl:call-template>
    <xsl:text>"</xsl:text>
  </xsl:template>

  <xsl:template name="double-quotes">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:value-of select="substring-before($s, '&quot;')"/>
        <xsl:text>""</xsl:text>
        <xsl:call-template name="double-quotes">
          <xsl:with-param name="s" select="substring-after($s, '&quot;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
