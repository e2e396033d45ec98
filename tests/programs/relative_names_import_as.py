import os.path as osp
import xml.etree.ElementTree as ET
from os import path as p2, sep
print(osp is p2, isinstance(sep, str), ET.fromstring("<a x='1'/>").get("x"))
