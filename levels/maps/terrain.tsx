<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="terrain" tilewidth="32" tileheight="32" tilecount="40" columns="4">
 <image source="terrain.png" width="128" height="320"/>
 <tile id="0" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="grass"/>
  </properties>
 </tile>
 <tile id="1" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="grass"/>
  </properties>
 </tile>
 <tile id="2" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="grass"/>
  </properties>
 </tile>
 <tile id="3" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="grass"/>
  </properties>
 </tile>
 <tile id="4" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="farmland"/>
  </properties>
 </tile>
 <tile id="5" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="farmland"/>
  </properties>
 </tile>
 <tile id="6" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="farmland"/>
  </properties>
 </tile>
 <tile id="7" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="farmland"/>
  </properties>
 </tile>
 <tile id="8" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="orchard"/>
  </properties>
 </tile>
 <tile id="9" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="orchard"/>
  </properties>
 </tile>
 <tile id="10" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="orchard"/>
  </properties>
 </tile>
 <tile id="11" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="orchard"/>
  </properties>
 </tile>
 <tile id="12" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="scrub"/>
  </properties>
 </tile>
 <tile id="13" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="scrub"/>
  </properties>
 </tile>
 <tile id="14" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="scrub"/>
  </properties>
 </tile>
 <tile id="15" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="scrub"/>
  </properties>
 </tile>
 <tile id="16" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="forest"/>
  </properties>
 </tile>
 <tile id="17" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="forest"/>
  </properties>
 </tile>
 <tile id="18" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="forest"/>
  </properties>
 </tile>
 <tile id="19" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="forest"/>
  </properties>
 </tile>
 <tile id="20" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="rocky"/>
  </properties>
 </tile>
 <tile id="21" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="rocky"/>
  </properties>
 </tile>
 <tile id="22" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="rocky"/>
  </properties>
 </tile>
 <tile id="23" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="rocky"/>
  </properties>
 </tile>
 <tile id="24" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="road"/>
  </properties>
 </tile>
 <tile id="25" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="road"/>
  </properties>
 </tile>
 <tile id="26" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="road"/>
  </properties>
 </tile>
 <tile id="27" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="road"/>
  </properties>
 </tile>
 <tile id="28" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="water"/>
  </properties>
 </tile>
 <tile id="29" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="water"/>
  </properties>
 </tile>
 <tile id="30" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="water"/>
  </properties>
 </tile>
 <tile id="31" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="water"/>
  </properties>
 </tile>
 <tile id="32" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="building"/>
  </properties>
 </tile>
 <tile id="33" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="building"/>
  </properties>
 </tile>
 <tile id="34" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="building"/>
  </properties>
 </tile>
 <tile id="35" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="building"/>
  </properties>
 </tile>
 <tile id="36" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="rubble"/>
  </properties>
 </tile>
 <tile id="37" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="rubble"/>
  </properties>
 </tile>
 <tile id="38" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="rubble"/>
  </properties>
 </tile>
 <tile id="39" type="terrain_tile">
  <properties>
   <property name="terrain" propertytype="terrain_kind" value="rubble"/>
  </properties>
 </tile>
</tileset>
